/** Rules on the S3 data path's policies: endpoint policies, bucket policies, package repositories. */
package dev.vpctrain.core.rules.s3;
