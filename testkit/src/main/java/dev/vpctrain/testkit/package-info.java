/**
 * The vpctrain testkit: an in-memory AWS world for tests of code that launches SageMaker training
 * jobs. {@link dev.vpctrain.testkit.FakeAws} holds one network, a {@link dev.vpctrain.testkit.VirtualClock}
 * and fake SDK clients over that state; {@link dev.vpctrain.testkit.Scenarios} gives ready-made
 * networks and {@link dev.vpctrain.testkit.AwsFault} injects failures into API calls.
 *
 * <pre>{@code
 * FakeAws aws = FakeAws.create().load(Scenarios.privateVpcWithoutS3Endpoint());
 * }</pre>
 */
package dev.vpctrain.testkit;
