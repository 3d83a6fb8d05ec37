package dev.vpctrain.testkit.internal.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpctrain.aws.internal.json.SdkJson;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.testkit.internal.sdk.AwsError;
import dev.vpctrain.testkit.internal.sdk.Pages;
import dev.vpctrain.testkit.internal.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.Ec2Request;
import software.amazon.awssdk.services.ec2.model.Ec2Response;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.utils.builder.SdkBuilder;
import software.amazon.awssdk.utils.builder.ToCopyableBuilder;

/**
 * One {@code Describe*} operation of the fake EC2, a row of {@link Ec2Operations}: the section of
 * the world it answers from, its SDK request and response shapes with the members that carry the
 * id list, the filters and the items, EC2's page-size bounds, the selection ({@link Ec2Query}: id,
 * tags and the supported filters as functions of the SDK shape), the item's one mapping to the core
 * model ({@code Ec2Mapping}), and what EC2 adds to an item when it answers. {@link FakeEc2} runs
 * every row through the same select, page and answer steps.
 *
 * @param <Q> the request shape
 * @param <R> the response shape
 * @param <T> the item shape
 */
final class Ec2Operation<Q extends Ec2Request, R extends Ec2Response, T extends SdkPojo> {
  final Section section;
  final Ec2Query<T> query;
  private final Supplier<? extends SdkBuilder<?, R>> response;
  private final String idsMember;
  private final String filtersMember;
  private final String itemsMember;
  private final int minResults;
  private final int maxResults;
  private final BiFunction<NetworkSnapshot, List<T>, NetworkSnapshot> model;
  private final BiFunction<T, World, T> answer;

  private Ec2Operation(Builder<Q, R, T> b) {
    this.section = b.section;
    this.query = b.query;
    this.response = b.response;
    this.idsMember = b.idsMember;
    this.filtersMember = b.filtersMember;
    this.itemsMember = b.itemsMember;
    this.minResults = b.minResults;
    this.maxResults = b.maxResults;
    this.model = b.model;
    this.answer = b.answer;
    SdkPojo request = (SdkPojo) b.request.get();
    field(request, idsMember);
    field(request, filtersMember);
    field(request, "MaxResults");
    field(request, "NextToken");
    field(request, "DryRun");
    field((SdkPojo) response.get(), itemsMember);
  }

  static <Q extends Ec2Request, R extends Ec2Response, T extends SdkPojo> Builder<Q, R, T> of(Section section,
      Supplier<? extends SdkBuilder<?, Q>> request, Supplier<? extends SdkBuilder<?, R>> response, Ec2Query<T> query) {
    return new Builder<>(section, request, response, query);
  }

  /** The items of {@code all} the request names (by id, each of which must exist) and its filters keep. */
  @SuppressWarnings("unchecked")
  List<T> select(Q request, List<T> all) {
    return query.select(all, (List<String>) member(request, idsMember), (List<Filter>) member(request, filtersMember));
  }

  /** The page of {@code selected} the request asks for, as EC2 answers it. */
  R answer(Q request, List<T> selected, World world) {
    Integer max = (Integer) member(request, "MaxResults");
    if (max != null && (max < minResults || max > maxResults)) {
      throw AwsError.client("InvalidParameterValue", "Value ( " + max + " ) for parameter maxResults is invalid. "
          + "Expecting a value between " + minResults + " and " + maxResults + ".");
    }
    Pages.Page<T> page = Pages.slice(selected, max, (String) member(request, "NextToken"), section.bundleKey(),
        t -> AwsError.client("InvalidPaginationToken", "Invalid pagination token: " + t));
    List<T> items = new ArrayList<>(page.items().size());
    page.items().forEach(t -> items.add(answer.apply(t, world)));
    SdkBuilder<?, R> b = response.get();
    field((SdkPojo) b, itemsMember).set(b, items);
    field((SdkPojo) b, "NextToken").set(b, page.nextToken());
    return b.build();
  }

  /** One item as EC2 answers it (with what EC2 fills in). */
  T answer(T item, World world) {
    return answer.apply(item, world);
  }

  /** The items of this operation's output in the EC2 section of a bundle ({@code path} names it in errors). */
  @SuppressWarnings("unchecked")
  List<T> read(JsonNode output, String path) {
    R r = SdkJson.read(response, output, path, SdkJson.Style.MEMBER_NAMES);
    return List.copyOf((List<T>) member(r, itemsMember));
  }

  /** {@code network} with this operation's section replaced by the core model of {@code items}. */
  NetworkSnapshot model(NetworkSnapshot network, List<T> items) {
    return model.apply(network, items);
  }

  /** {@code item} with {@code tags} (every taggable EC2 shape has a {@code Tags} member). */
  @SuppressWarnings("unchecked")
  T withTags(T item, List<Tag> tags) {
    SdkBuilder<?, ?> b = (SdkBuilder<?, ?>) ((ToCopyableBuilder<?, ?>) item).toBuilder();
    field((SdkPojo) b, "Tags").set(b, tags);
    return (T) b.build();
  }

  @SuppressWarnings("unchecked")
  List<Tag> tags(T item) {
    return (List<Tag>) member(item, "Tags");
  }

  /** The value of member {@code name} ({@code VpcIds}, {@code DryRun}…) of a request. */
  static Object member(SdkPojo pojo, String name) {
    return field(pojo, name).getValueOrDefault(pojo);
  }

  private static SdkField<?> field(SdkPojo pojo, String name) {
    for (SdkField<?> f : pojo.sdkFields()) {
      if (f.memberName().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException(pojo.getClass().getSimpleName() + " has no member " + name);
  }

  /** Builds a row. */
  static final class Builder<Q extends Ec2Request, R extends Ec2Response, T extends SdkPojo> {
    private final Section section;
    private final Supplier<? extends SdkBuilder<?, Q>> request;
    private final Supplier<? extends SdkBuilder<?, R>> response;
    private final Ec2Query<T> query;
    private String idsMember;
    private String filtersMember = "Filters";
    private String itemsMember;
    private int minResults = 5;
    private int maxResults = 1000;
    private BiFunction<NetworkSnapshot, List<T>, NetworkSnapshot> model;
    private BiFunction<T, World, T> answer = (t, w) -> t;

    private Builder(Section section, Supplier<? extends SdkBuilder<?, Q>> request,
        Supplier<? extends SdkBuilder<?, R>> response, Ec2Query<T> query) {
      this.section = section;
      this.request = request;
      this.response = response;
      this.query = query;
    }

    /** The request's id list and the response's item list, by member name ({@code VpcIds}, {@code Vpcs}). */
    Builder<Q, R, T> members(String ids, String items) {
      this.idsMember = ids;
      this.itemsMember = items;
      return this;
    }

    /** The request's filter list when it is not {@code Filters} (DescribeNatGateways: {@code Filter}). */
    Builder<Q, R, T> filtersMember(String name) {
      this.filtersMember = name;
      return this;
    }

    /** EC2's bounds of {@code MaxResults} (default 5 to 1000). */
    Builder<Q, R, T> pageSizes(int min, int max) {
      this.minResults = min;
      this.maxResults = max;
      return this;
    }

    /** What EC2 adds to a stored item when it answers (derived ids, ARNs, owners). */
    Builder<Q, R, T> answering(BiFunction<T, World, T> fill) {
      this.answer = fill;
      return this;
    }

    /** The item's core model ({@code Ec2Mapping}) and the snapshot's section of it. */
    <M> Ec2Operation<Q, R, T> model(Function<T, M> map, BiFunction<NetworkSnapshot, List<M>, NetworkSnapshot> into) {
      this.model = (n, items) -> {
        List<M> out = new ArrayList<>(items.size());
        items.forEach(t -> out.add(map.apply(t)));
        return into.apply(n, out);
      };
      return new Ec2Operation<>(this);
    }
  }
}
