/**
 * AssertJ assertions for vpctrain reports, findings and the fake SageMaker; start from
 * {@link dev.vpctrain.testkit.assertions.VpcTrainAssertions}. Needs AssertJ on the test classpath.
 */
package dev.vpctrain.testkit.assertions;
