//! The wizard's forms, without JavaScript: what the steps show is what the
//! subscription gets.

mod common;

use common::spawn_app;
use mvno::services::demo::ids;
use reqwest::StatusCode;

#[tokio::test]
async fn every_feature_switch_counts_as_shown() {
    let app = spawn_app().await;
    let cookie = app.portal_session("reseller@nordlys.dk").await;
    let key = mvno::Id::generate().to_string();
    let answers = [
        ("key", key.as_str()),
        ("customer", ids::BAGER_JENSEN),
        ("mode", "new"),
        ("number", "+4520100006"),
        ("sim", "esim"),
        ("network", "TDC"),
        ("plan", ids::PLAN_10GB),
    ];
    // The plan step records its switches whenever it is continued from.
    let html = app
        .page(
            &format!(
                "/new/plan?{}",
                serde_urlencoded::to_string(answers).unwrap()
            ),
            Some(&cookie),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"<input type="hidden" name="featset" value="1">"#));
    // Roaming and data while roaming unticked, everything else as the plan has it.
    let mut plan_step: Vec<(&str, &str)> = vec![("from", "plan"), ("to", "extras")];
    plan_step.extend(answers);
    plan_step.extend([
        ("featset", "1"),
        ("feat", "highRate"),
        ("feat", "international"),
        ("feat", "data"),
        ("feat", "fiveG"),
    ]);
    let res = app.post_form("/new/step", &cookie, &plan_step).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let next = res.headers()["location"].to_str().unwrap().to_string();
    // The review says what will be created: the plan by name and price,
    // and every feature on or off.
    let review = app
        .page(
            &format!("/new/review?{}", next.split_once('?').unwrap().1),
            Some(&cookie),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(review.contains("Fri tale + 10 GB ("), "the plan by name");
    let row = |title: &str| {
        let at = review
            .find(&format!("<dt>{title}</dt>"))
            .unwrap_or_else(|| panic!("no {title} row"));
        let dd = &review[at..];
        dd[dd.find("<dd>").unwrap() + 4..dd.find("</dd>").unwrap()].to_string()
    };
    assert!(
        row("Features off").contains("Roaming"),
        "{}",
        row("Features off")
    );
    assert!(row("Features off").contains("Data while roaming"));
    assert!(
        row("Features on").contains("Mobile data"),
        "{}",
        row("Features on")
    );
    assert!(!row("Features on").contains("Roaming"));
    // "Change" opens the step, and its Continue comes back to the review.
    let change = review
        .split("href=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].replace("&amp;", "&"))
        .find(|href| href.starts_with("/new/plan?"))
        .expect("a Change link to the plan step");
    assert!(change.contains("ret=review"), "{change}");
    let plan_page = app.page(&change, Some(&cookie)).await.text().await.unwrap();
    assert!(
        plan_page.contains(r#"<input type="hidden" name="to" value="review">"#),
        "Continue goes back to the review"
    );
    // The answers travel on; the review's form posts them to the confirm.
    let query: Vec<(String, String)> =
        serde_urlencoded::from_str(next.split_once('?').unwrap().1).unwrap();
    let res = app.post_form("/new/confirm", &cookie, &query).await;
    let account = app.created_account(&res, "reseller@nordlys.dk").await;
    let feature = &account["feature"];
    assert_eq!(feature["roaming"], false, "{feature}");
    assert_eq!(feature["roamingData"], false, "{feature}");
    assert_eq!(feature["data"], true, "{feature}");
    assert_eq!(feature["fiveG"], true, "{feature}");
    assert_eq!(feature["voicemail"], false, "{feature}");
}
