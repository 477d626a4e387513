package com.example.testapi.local.userpool;

import java.nio.charset.StandardCharsets;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;

/**
 * The local hosted UI's pages, as small HTML: the sign-in form and the TOTP code page that follows it for a user
 * whose TOTP is on, each keeping what the user typed after a refusal, as Cognito's pages do. Every value is escaped.
 */
final class HostedUiPages {

    private HostedUiPages() {
    }

    /** The sign-in form; after a refusal it keeps the username, as the hosted UI does. */
    static String loginForm(AuthorizationRequest request, String error, String username) {
        return "<h1>Sign in with your username and password</h1>" + error(error)
                + "<form method=\"post\"><label for=\"signInFormUsername\">Username</label>"
                + "<input id=\"signInFormUsername\" name=\"username\" autocomplete=\"username\" required value=\""
                + escape(username == null ? "" : username) + "\">"
                + "<label for=\"signInFormPassword\">Password</label>"
                + "<input id=\"signInFormPassword\" name=\"password\" type=\"password\" "
                + "autocomplete=\"current-password\" required>"
                + "<button type=\"submit\" name=\"signInSubmitButton\">Sign in</button></form>"
                + "<p>Client " + escape(request.getClientID().getValue()) + "</p>";
    }

    /**
     * The code page after a right password, posting to {@code /login/mfa} with the authorization request's query and
     * the challenge's session (Cognito's own page keeps it in its cookies).
     */
    static String codeForm(String rawQuery, String session, String username, String error) {
        return "<h1>Multi-factor authentication</h1>" + error(error)
                + "<form method=\"post\" action=\"/login/mfa?" + escape(rawQuery) + "\">"
                + "<input type=\"hidden\" name=\"session\" value=\"" + escape(session) + "\">"
                + "<input type=\"hidden\" name=\"username\" value=\"" + escape(username) + "\">"
                + "<label for=\"totpCode\">Enter the code from your authenticator app</label>"
                + "<input id=\"totpCode\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" "
                + "maxlength=\"6\" required>"
                + "<button type=\"submit\" name=\"signInSubmitButton\">Sign in</button></form>";
    }

    /** The page of a request that cannot go back to the client (Cognito's words, then why). */
    static String errorPage(String why) {
        return "<h1>An error was encountered with the requested page.</h1><p>" + escape(why) + "</p>";
    }

    /** A whole page around {@code body}. */
    static byte[] html(String body) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Signin</title><style>"
                + "body{font-family:sans-serif;max-width:24rem;margin:3rem auto;color:#223}h1{font-size:1.3rem}"
                + "label,input,button{display:block;width:100%;box-sizing:border-box;margin:.3rem 0}"
                + "input,button{padding:.5rem}#loginErrorMessage{color:#a11}</style></head><body>"
                + "<p><small>Local hosted UI, standing in for Cognito's</small></p>" + body + "</body></html>";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static String error(String error) {
        return error == null ? "" : "<p id=\"loginErrorMessage\" role=\"alert\">" + escape(error) + "</p>";
    }
}
