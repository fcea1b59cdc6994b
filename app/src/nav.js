// Moves between the site's pages without a reload. A click on a link to this
// site, or a form sent to it, fetches the next page; its body takes the
// place of this one's, and its islands are hydrated. The server answers as
// it would a browser (redirects included), so every page and form works the
// same with this script, without it, and without JavaScript. What it does
// not handle (another site, a new tab, a download, a failed request) is
// left to the browser.
let navigation = 0;
// The address (without its #fragment) of the page shown.
let shown = location.pathname + location.search;

function samePage(url) {
  return url.pathname === location.pathname && url.search === location.search;
}

async function go(request, { push, hash, fallback }) {
  const current = ++navigation;
  let response;
  try {
    response = await fetch(request);
  } catch {
    fallback();
    return;
  }
  const type = response.headers.get('content-type') || '';
  if (!type.startsWith('text/html')) {
    location.assign(response.url);
    return;
  }
  const html = await response.text();
  if (current !== navigation) return; // a later move won
  const page = new DOMParser().parseFromString(html, 'text/html');
  document.title = page.title;
  document.documentElement.lang = page.documentElement.lang;
  document.body.replaceChildren(...page.body.childNodes);
  const url = new URL(response.url);
  if (hash && !response.redirected) url.hash = hash;
  if (push) history.pushState(null, '', url);
  shown = url.pathname + url.search;
  const target = url.hash && document.getElementById(decodeURIComponent(url.hash.slice(1)));
  if (target) target.scrollIntoView();
  else if (push) window.scrollTo(0, 0);
  // A reload would start a screen reader at the new page; without one, the
  // focus goes to the new page's heading (the wizard's steps do the same).
  const heading = !target && document.querySelector('main h1');
  if (heading) {
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
  if (window.__hydrateIsland) {
    for (const island of document.querySelectorAll('leptos-island')) {
      window.__hydrateIsland(island, island.dataset.component);
    }
  }
}

addEventListener('click', (ev) => {
  if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) {
    return;
  }
  const a = ev.target instanceof Element && ev.target.closest('a[href]');
  if (!a || (a.target && a.target !== '_self') || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || (url.hash && samePage(url))) return;
  ev.preventDefault();
  go(new Request(url), { push: true, hash: url.hash, fallback: () => location.assign(url) });
});

addEventListener('submit', (ev) => {
  const form = ev.target;
  const button = ev.submitter;
  if (ev.defaultPrevented || !(form instanceof HTMLFormElement)) return;
  if (form.target && form.target !== '_self') return;
  const method = ((button && button.getAttribute('formmethod')) || form.method).toUpperCase();
  const url = new URL((button && button.getAttribute('formaction')) || form.action, location.href);
  if ((method !== 'GET' && method !== 'POST') || url.origin !== location.origin) return;
  const data = new FormData(form, button);
  ev.preventDefault();
  let request;
  if (method === 'GET') {
    url.search = new URLSearchParams(data).toString();
    request = new Request(url);
  } else {
    const body = form.enctype === 'multipart/form-data' ? data : new URLSearchParams(data);
    request = new Request(url, { method, body });
  }
  // Without the fetch, the browser sends the form itself.
  const fallback = () => {
    if (button && button.name) {
      const kept = Object.assign(document.createElement('input'), {
        type: 'hidden', name: button.name, value: button.value,
      });
      form.append(kept);
    }
    HTMLFormElement.prototype.submit.call(form);
  };
  go(request, { push: true, hash: '', fallback });
});

addEventListener('popstate', () => {
  if (location.pathname + location.search === shown) return; // a #fragment only
  go(new Request(location.href), { push: false, hash: location.hash, fallback: () => location.reload() });
});
