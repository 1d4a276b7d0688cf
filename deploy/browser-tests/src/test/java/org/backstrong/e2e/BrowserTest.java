package org.backstrong.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.backstrong.e2e.browser.BrowserExtension;
import org.backstrong.e2e.stack.StackExtension;

/**
 * A test class of this tier: the whole stack runs (once per test run), and a test method may
 * take a {@link org.backstrong.e2e.stack.LocalStack} and a fresh {@link org.openqa.selenium.WebDriver}
 * as parameters. Screenshots and failure reports come from {@link BrowserExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({StackExtension.class, BrowserExtension.class})
public @interface BrowserTest {}
