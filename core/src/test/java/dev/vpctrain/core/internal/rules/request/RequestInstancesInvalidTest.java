package dev.vpctrain.core.internal.rules.request;

import static dev.vpctrain.core.rules.ShapeFixtures.context;
import static dev.vpctrain.core.rules.ShapeFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestInstancesInvalidTest {
  private final RequestInstancesInvalid rule = new RequestInstancesInvalid();

  @ParameterizedTest
  @ValueSource(strings = {"ml.p4d.24xlarge", "ml.m5.large", "ml.m5.xlarge", "ml.trn1n.32xlarge", "ml.g6e.48xlarge",
      "ml.p6-b200.48xlarge", "ml.t3.medium", "ml.c5n.18xlarge"})
  void acceptsTrainingTypes(String type) {
    List<Finding> f = rule.evaluate(context(job().instanceType(type).build()));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.outcome()).isEqualTo(Outcome.PASS));
  }

  @ParameterizedTest
  @ValueSource(strings = {"p4d.24xlarge", "ml.p4d", "ml..large", "ML.P4D.24XLARGE", "ml.p4d.24xlarge ", "ml.m5.huge", "db.r5.large"})
  void rejectsOtherTypes(String type) {
    List<Finding> f = rule.evaluate(context(job().instanceType(type).build()));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.message()).contains("ResourceConfig.InstanceType");
    });
  }

  @Test
  void rejectsCountBelowOne() {
    List<Finding> f = rule.evaluate(context(job().instanceCount(0).build()));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.message()).contains("InstanceCount is 0");
    });
  }

  @Test
  void checksEveryInstanceGroup() {
    List<Finding> f = rule.evaluate(context(job().instanceType(null).instanceCount(null)
        .addInstanceGroup("gpu", "ml.p4d.24xlarge", 2)
        .addInstanceGroup("cpu", "c5.xlarge", 0).build()));
    assertThat(f).hasSize(2).allMatch(x -> x.outcome() == Outcome.FAIL);
    assertThat(f).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("InstanceGroups[1].InstanceType"))
        .anySatisfy(m -> assertThat(m).contains("InstanceGroups[1].InstanceCount"));
  }

  @Test
  void passesForValidGroups() {
    List<Finding> f = rule.evaluate(context(job().instanceType(null).instanceCount(null)
        .addInstanceGroup("gpu", "ml.p4d.24xlarge", 2).addInstanceGroup("cpu", "ml.c5.xlarge", 1).build()));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.outcome()).isEqualTo(Outcome.PASS));
  }

  @Test
  void failsWithoutAnyInstanceType() {
    List<Finding> f = rule.evaluate(context(job().instanceType(null).build()));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.outcome()).isEqualTo(Outcome.FAIL));
  }
}
