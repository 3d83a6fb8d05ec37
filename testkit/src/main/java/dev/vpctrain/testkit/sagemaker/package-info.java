/**
 * The fake SageMaker: {@link dev.vpctrain.testkit.sagemaker.FakeSageMaker} records the training jobs
 * created through the fake client, lets a test script how they run, and moves them through their
 * statuses on virtual time; a job on a network the vpctrain rules reject fails as it would in AWS.
 * Processing jobs run through the same simulation, and a hyperparameter tuning job starts its
 * training jobs in batches of {@code MaxParallelTrainingJobs}, failing those its subnets have no
 * addresses for.
 */
package dev.vpctrain.testkit.sagemaker;
