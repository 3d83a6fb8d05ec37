/**
 * vpctrain-aws: vpctrain with the AWS SDK for Java v2. {@link dev.vpctrain.aws.VpcTrain} is the entry
 * point: built with your own SDK clients, it discovers a job's network ({@code preflight}), launches
 * training, processing and tuning jobs behind the preflight gate ({@code launch}) and follows them.
 * {@link dev.vpctrain.aws.AwsCallException} names the AWS operation that failed.
 */
package dev.vpctrain.aws;
