//! The words of the private customer's signup: the login, the e-mail
//! confirmation and the identity step (before the wizard's own steps).

catalogue! {
    /// The signup's texts.
    Signup {
        title: "Opret dig som kunde" | "Sign up as a customer",
        intro: "Få et mobilabonnement hos {brand}. Først opretter du et login og \
                bekræfter din e-mail, så bekræfter du, hvem du er, og så vælger du nummer, \
                SIM-kort og abonnement."
            | "Get a mobile subscription from {brand}. First you create a login and \
               confirm your e-mail, then you confirm who you are, and then you choose a number, \
               a SIM card and a plan.",
        problem: "Der er et problem" | "There is a problem",
        name: "Fulde navn" | "Full name",
        email: "E-mail" | "E-mail",
        email_hint: "Det bliver dit brugernavn." | "It becomes your username.",
        password: "Adgangskode" | "Password",
        password_hint: "Mindst {min} tegn." | "At least {min} characters.",
        address: "Adresse (valgfri)" | "Address (optional)",
        submit: "Opret login og fortsæt" | "Create login and continue",
        have_login: "Har du allerede et login? " | "Already have a login? ",
        err_name: "Skriv dit fulde navn (højst {max} tegn)."
            | "Enter your full name (at most {max} characters).",
        err_email: "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk (højst {max} tegn)."
            | "Enter a valid e-mail address, like navn@eksempel.dk (at most {max} characters).",
        err_password: "Adgangskoden skal have mellem {min} og {max} tegn."
            | "The password must have between {min} and {max} characters.",
        err_address: "Adressen må højst have {max} tegn."
            | "The address can have at most {max} characters.",
        err_link: "Linket er udløbet eller allerede brugt. Udfyld formularen igen, så sender vi \
                   et nyt."
            | "The link has expired or was already used. Fill in the form again and we will \
               send a new one.",
        err_mail: "Vi kunne ikke sende e-mailen lige nu. Prøv igen om lidt."
            | "We could not send the e-mail just now. Please try again shortly.",
        err_closed: "Tilmelding er ikke åben lige nu. Prøv igen senere."
            | "Signing up is not open just now. Please try again later.",
        err_busy: "For mange tilmeldinger fra din forbindelse. Vent et minut og prøv igen."
            | "Too many signups from your connection. Wait a minute and try again.",
        err_internal: "Noget gik galt hos os. Prøv igen om lidt."
            | "Something went wrong on our side. Please try again shortly.",
        sent_title: "Tjek din e-mail" | "Check your e-mail",
        sent_text: "Vi har sendt en e-mail til den adresse, du skrev. Åbn linket i den for at \
                    bekræfte adressen og fortsætte."
            | "We have sent an e-mail to the address you entered. Open the link in it to \
               confirm the address and continue.",
        sent_hours: "Linket virker i {hours} timer. " | "The link works for {hours} hours. ",
        sent_spam: "Kan du ikke finde e-mailen, så se i din spam-mappe, eller "
            | "If you cannot find the e-mail, look in your spam folder, or ",
        sent_again: "udfyld formularen igen" | "fill in the form again",
        confirm_title: "Bekræft din e-mailadresse" | "Confirm your e-mail address",
        confirm_text: "Tryk på knappen for at bekræfte din e-mailadresse og oprette dit login. \
                       Bagefter bekræfter du, hvem du er."
            | "Press the button to confirm your e-mail address and create your login. Then you \
               confirm who you are.",
        confirm_button: "Bekræft og fortsæt" | "Confirm and continue",
        identity_title: "Bekræft hvem du er" | "Confirm who you are",
        identity_text: "Vi skal vide, hvem der opretter abonnementet, fordi et nummer der flyttes \
                        fra et andet selskab kræver din tilladelse."
            | "We need to know who creates the subscription, because moving a number from \
               another operator needs your permission.",
        stand_in: "Test-erstatning for MitID." | "Test stand-in for MitID.",
        stand_in_text: " Denne side står i stedet for MitID. Den spørger ikke om noget og \
                        beviser intet; vi noterer blot dit navn og et fast id, som MitID ville \
                        give os."
            | " This page stands in for MitID. It asks nothing and proves nothing; we only \
               note your name and a fixed id, as MitID would give us.",
        identity_name: "Navn" | "Name",
        identity_button: "Bekræft med MitID (test)" | "Confirm with MitID (test)",
    }
}
