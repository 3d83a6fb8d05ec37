/**
 * JUnit 5 integration: {@link dev.vpctrain.testkit.junit.FakeAwsExtension} (or the
 * {@link dev.vpctrain.testkit.junit.FakeAwsTest} annotation) gives each test a fresh
 * {@link dev.vpctrain.testkit.FakeAws} as a parameter.
 */
package dev.vpctrain.testkit.junit;
