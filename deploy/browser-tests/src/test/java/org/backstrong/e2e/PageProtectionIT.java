package org.backstrong.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import org.backstrong.e2e.pages.AppPage;
import org.backstrong.e2e.stack.LocalStack;

/**
 * What a signed-in page protects, seen from inside the browser: the session cookie is out of the
 * scripts' reach, a request riding on the session without the page's anti-forgery token is
 * refused before it reaches the service, and the pages carry their Content-Security-Policy.
 */
@BrowserTest
class PageProtectionIT {

    /** Posts a set for a plan nobody has, with or without the page's token; answers status and problem field. */
    private static final String POST_SET = """
            const withToken = arguments[0];
            const done = arguments[arguments.length - 1];
            const headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
            if (withToken) {
                headers['X-CSRF-Token'] = document.querySelector('meta[name=csrf-token]').content;
            }
            const body = {setId: crypto.randomUUID(), planId: crypto.randomUUID(), itemId: crypto.randomUUID(),
                date: new Date().toISOString().slice(0, 10), setNumber: 1, reps: 8, pain: 1, beyondNormalFatigue: false};
            fetch('/app/api/me/sets', {method: 'POST', credentials: 'same-origin', headers: headers,
                    body: JSON.stringify(body)})
                .then(r => r.json().then(problem => done({status: r.status, field: problem.field || null})))
                .catch(e => done({status: -1, field: String(e)}));
            """;

    @Test
    void theSessionCookieIsHiddenFromScriptsAndARequestWithoutTheAntiForgeryTokenIsRefused(
            LocalStack stack, WebDriver browser) {
        AppPage.signInAs(browser, stack, "petra");
        JavascriptExecutor page = (JavascriptExecutor) browser;

        String cookies = (String) page.executeScript("return document.cookie");
        assertFalse(cookies.contains("q_session"), "the session cookie is HttpOnly, scripts see: " + cookies);

        Map<?, ?> without = (Map<?, ?>) page.executeAsyncScript(POST_SET, false);
        assertEquals(403L, without.get("status"), "no anti-forgery token: " + without);
        assertEquals("csrf", without.get("field"));

        // The same request with the page's token passes the check and reaches the service,
        // which knows no such plan.
        Map<?, ?> with = (Map<?, ?>) page.executeAsyncScript(POST_SET, true);
        assertEquals(404L, with.get("status"), "with the page's token: " + with);

        String policy = (String) page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(location.href, {credentials: 'same-origin'})
                    .then(r => done(r.headers.get('Content-Security-Policy') || ''))
                    .catch(e => done(String(e)));
                """);
        assertTrue(
                policy.contains("default-src 'self'")
                        && policy.contains("script-src 'self'")
                        && policy.contains("frame-ancestors 'none'"),
                policy);
    }
}
