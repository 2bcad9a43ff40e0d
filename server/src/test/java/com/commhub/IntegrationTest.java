package com.commhub;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A whole-application test over HTTP on a random port, against a real PostgreSQL: the embedded one by default
 * (a fresh data directory per test JVM), or the external one named by {@code SPRING_DATASOURCE_URL} (CI's second run).
 * All tests share one application context, so keep the configuration here.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface IntegrationTest {
}
