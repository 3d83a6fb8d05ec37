/** Rules on the S3 data path: routes, security groups and ACLs to S3, endpoint and bucket policies, package repositories. */
package dev.vpctrain.core.internal.rules.s3;
