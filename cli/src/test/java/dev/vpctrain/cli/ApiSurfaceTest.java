package dev.vpctrain.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.ThrowsDeclaration;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public API of the libraries: the packages without an {@code internal} segment are the exported
 * ones (the jars carry {@code Automatic-Module-Name}); what they offer must not mention an internal type.
 */
class ApiSurfaceTest {
  /**
   * Public hand-written types in core's exported packages, at most (issue 11: 133 public types in core, about 100
   * of them used nowhere outside it); the generated Immutables value types are counted apart.
   */
  private static final int CORE_API_LIMIT = 45;

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() throws IOException {
    List<URL> roots = Collections.list(ApiSurfaceTest.class.getClassLoader().getResources("dev/vpctrain"));
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importUrls(roots);
    assertThat(classes.contain("dev.vpctrain.core.rules.RuleEngine")).isTrue();
    assertThat(classes.contain("dev.vpctrain.aws.VpcTrain")).isTrue();
    assertThat(classes.contain("dev.vpctrain.testkit.FakeAws")).isTrue();
  }

  static boolean isInternal(String packageName) {
    return ("." + packageName + ".").contains(".internal.");
  }

  /** Public, and so is every class that encloses it. */
  static boolean visible(JavaClass c) {
    return c.getModifiers().contains(JavaModifier.PUBLIC)
        && c.getEnclosingClass().map(ApiSurfaceTest::visible).orElse(true);
  }

  static boolean offered(JavaMember m) {
    Set<JavaModifier> mods = m.getModifiers();
    return (mods.contains(JavaModifier.PUBLIC) || mods.contains(JavaModifier.PROTECTED))
        && !mods.contains(JavaModifier.SYNTHETIC) && !mods.contains(JavaModifier.BRIDGE);
  }

  static final DescribedPredicate<JavaClass> EXPORTED = new DescribedPredicate<>(
      "public classes of the exported dev.vpctrain packages (no 'internal' segment)") {
    @Override
    public boolean test(JavaClass c) {
      return c.getPackageName().startsWith("dev.vpctrain.") && !isInternal(c.getPackageName()) && visible(c);
    }
  };

  static final ArchCondition<JavaClass> MENTION_NO_INTERNAL_TYPE =
      new ArchCondition<>("mention no type of an internal package in their public or protected signatures") {
        @Override
        public void check(JavaClass c, ConditionEvents events) {
          c.getSuperclass().ifPresent(t -> report(c, "its superclass", t, events));
          c.getInterfaces().forEach(t -> report(c, "an interface it implements", t, events));
          for (JavaField f : c.getFields()) {
            if (offered(f)) {
              report(c, "field " + f.getName(), f.getType(), events);
            }
          }
          for (JavaCodeUnit u : c.getCodeUnits()) {
            if (!offered(u) || u.getName().equals("<clinit>")) {
              continue;
            }
            String what = u.getName().equals("<init>") ? "a constructor" : "method " + u.getName() + "()";
            if (u instanceof JavaMethod) {
              report(c, what + "'s return type", u.getReturnType(), events);
            }
            u.getParameterTypes().forEach(t -> report(c, what + "'s parameter", t, events));
            for (ThrowsDeclaration<? extends JavaCodeUnit> d : u.getThrowsClause()) {
              report(c, what + "'s throws clause", d.getRawType(), events);
            }
          }
        }

        private void report(JavaClass c, String where, JavaType type, ConditionEvents events) {
          for (JavaClass raw : type.getAllInvolvedRawTypes()) {
            if (isInternal(raw.getPackageName())) {
              events.add(SimpleConditionEvent.violated(c,
                  c.getName() + ": " + where + " mentions internal type " + raw.getName()));
            }
          }
        }
      };

  static final ArchRule EXPORTED_PACKAGES_HIDE_INTERNALS = classes().that(EXPORTED).should(MENTION_NO_INTERNAL_TYPE)
      .because("the packages without 'internal' are the API users compile against (Automatic-Module-Name, "
          + "docs/architecture.md); a public method that takes or returns an internal type would make that "
          + "type API too, and the implementation could no longer change freely");

  @Test
  void exportedPackagesReferenceNoInternalType() {
    EXPORTED_PACKAGES_HIDE_INTERNALS.check(classes);
  }

  @Test
  void theRuleRecognisesALeak() {
    JavaClasses sample = new ClassFileImporter().importClasses(dev.vpctrain.cli.LeaksAnInternalType.class,
        dev.vpctrain.cli.internal.Hidden.class);
    assertThatThrownBy(() -> classes().that(EXPORTED).should(MENTION_NO_INTERNAL_TYPE).check(sample))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("method hidden()'s return type mentions internal type dev.vpctrain.cli.internal.Hidden")
        .hasMessageContaining("method take()'s parameter mentions internal type dev.vpctrain.cli.internal.Hidden");
  }

  @Test
  void coreExportsAFewDozenTypes() {
    Set<String> api = new TreeSet<>();
    Set<String> generated = new TreeSet<>();
    for (JavaClass c : classes) {
      if (c.getPackageName().startsWith("dev.vpctrain.core") && EXPORTED.test(c) && c.isTopLevelClass()) {
        // the Immutables value types (Foo of an AbstractFoo) are counted by their hand-written sources
        (c.isAnnotatedWith("org.immutables.value.Generated") ? generated : api).add(c.getName());
      }
    }
    System.out.println("core's exported packages: " + api.size() + " public hand-written types " + api
        + " and " + generated.size() + " Immutables value types " + generated);
    assertThat(generated).as("the Immutables types are recognised").contains("dev.vpctrain.core.network.Vpc");
    assertThat(api).as("public types in core's exported packages (move implementation to dev.vpctrain.core.internal)")
        .hasSizeLessThanOrEqualTo(CORE_API_LIMIT)
        .contains("dev.vpctrain.core.rules.Rule", "dev.vpctrain.core.rules.RuleEngine",
            "dev.vpctrain.core.report.PreflightReport");
    assertThat(api).doesNotContain("dev.vpctrain.core.internal.rules.ReachContext");
    assertThat(generated).contains("dev.vpctrain.core.job.TrainingJobSpec");
  }
}
