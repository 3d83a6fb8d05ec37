/**
 * The fake SageMaker: {@link dev.vpctrain.testkit.sagemaker.FakeSageMaker} records the training jobs
 * created through the fake client, lets a test script how they run, and moves them through their
 * statuses on virtual time; a job on a network the vpctrain rules reject fails as it would in AWS.
 */
package dev.vpctrain.testkit.sagemaker;
