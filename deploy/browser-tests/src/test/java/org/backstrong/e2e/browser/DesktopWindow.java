package org.backstrong.e2e.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The browser of this test (or of every test in this class) has a desktop-sized window
 * instead of the default phone-sized one: clinicians' and analysts' pages are desktop pages.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface DesktopWindow {}
