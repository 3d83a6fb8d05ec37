/**
 * Job files and requests: {@link dev.vpctrain.aws.job.JobFile} reads and writes the JSON of the
 * {@code CreateTrainingJob}, {@code CreateProcessingJob} and {@code CreateHyperParameterTuningJob}
 * requests as the AWS CLI's {@code --cli-input-json} takes them, checked against the API's shapes; the
 * {@code *Requests} classes map each request shape to the job the rules read.
 */
package dev.vpctrain.aws.job;
