package dev.vpctrain.testkit.internal.ec2;

import dev.vpctrain.testkit.internal.sdk.AwsError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Selects resources of one type as an EC2 {@code Describe*} call does: by ids (each must exist)
 * and by filters (names as EC2 spells them, {@code tag:<key>}, {@code tag-key}; values with
 * {@code *} and {@code ?} wildcards; values of one filter OR-ed, filters AND-ed). An unknown filter
 * name is EC2's {@code InvalidParameterValue}.
 */
final class Ec2Query<T> {
  private final String idPrefix;
  private final Function<T, String> id;
  private final Function<T, List<Tag>> tags;
  private final Function<String, AwsError> notFound;
  private final Map<String, Function<T, Collection<String>>> fields = new LinkedHashMap<>();

  Ec2Query(String idPrefix, Function<T, String> id, Function<T, List<Tag>> tags, Function<String, AwsError> notFound) {
    this.idPrefix = idPrefix;
    this.id = id;
    this.tags = tags;
    this.notFound = notFound;
  }

  /** A filter over a single value (String, Boolean, Integer or Optional of those). */
  Ec2Query<T> field(String name, Function<T, ?> value) {
    fields.put(name, t -> values(value.apply(t)));
    return this;
  }

  /** A filter over several values. */
  Ec2Query<T> fields(String name, Function<T, ? extends Collection<?>> values) {
    fields.put(name, t -> {
      List<String> out = new ArrayList<>();
      for (Object o : values.apply(t)) {
        out.addAll(values(o));
      }
      return out;
    });
    return this;
  }

  /** The prefix of this type's ids ({@code vpc}, {@code sg}…). */
  String idPrefix() {
    return idPrefix;
  }

  /** The id of {@code item}. */
  String idOf(T item) {
    return id.apply(item);
  }

  /** EC2's error for an id of this type that does not exist. */
  AwsError notFound(String missingId) {
    return notFound.apply(missingId);
  }

  List<T> select(List<T> items, List<String> ids, List<Filter> filters) {
    List<T> out = new ArrayList<>();
    Set<String> wanted = ids == null ? Set.of() : new LinkedHashSet<>(ids);
    if (!wanted.isEmpty()) {
      Set<String> known = new LinkedHashSet<>();
      items.forEach(t -> known.add(id.apply(t)));
      for (String w : wanted) {
        if (!known.contains(w)) {
          throw malformed(w) ? AwsError.client(malformedCode(), "Invalid id: \"" + w + "\"") : notFound.apply(w);
        }
      }
    }
    List<Function<T, Boolean>> predicates = new ArrayList<>();
    for (Filter f : filters == null ? List.<Filter>of() : filters) {
      predicates.add(predicate(f));
    }
    for (T t : items) {
      if (!wanted.isEmpty() && !wanted.contains(id.apply(t))) {
        continue;
      }
      if (predicates.stream().allMatch(p -> p.apply(t))) {
        out.add(t);
      }
    }
    return out;
  }

  private Function<T, Boolean> predicate(Filter f) {
    String name = f.name();
    if (name == null || name.isEmpty()) {
      throw AwsError.client("InvalidParameterValue", "The filter 'null' is invalid");
    }
    Function<T, Collection<String>> field;
    if (name.startsWith("tag:")) {
      String key = name.substring(4);
      field = t -> tags.apply(t).stream().filter(tag -> tag.key().equals(key)).map(Tag::value).toList();
    } else if (name.equals("tag-key")) {
      field = t -> tags.apply(t).stream().map(Tag::key).toList();
    } else if (name.equals("tag-value")) {
      field = t -> tags.apply(t).stream().map(Tag::value).toList();
    } else {
      field = fields.get(name);
      if (field == null) {
        throw AwsError.client("InvalidParameterValue", "The filter '" + name + "' is invalid");
      }
    }
    List<String> exact = new ArrayList<>();
    List<Pattern> patterns = new ArrayList<>();
    for (String v : f.values()) {
      if (v.indexOf('*') < 0 && v.indexOf('?') < 0) {
        exact.add(v);
      } else {
        patterns.add(glob(v));
      }
    }
    Function<T, Collection<String>> selected = field;
    return t -> {
      for (String actual : selected.apply(t)) {
        if (exact.contains(actual)) {
          return true;
        }
        for (Pattern p : patterns) {
          if (p.matcher(actual).matches()) {
            return true;
          }
        }
      }
      return false;
    };
  }

  private boolean malformed(String value) {
    return !value.matches(Pattern.quote(idPrefix) + "-[0-9a-zA-Z]+");
  }

  private String malformedCode() {
    switch (idPrefix) {
      case "vpc":
        return "InvalidVpcID.Malformed";
      case "subnet":
        return "InvalidSubnetID.Malformed";
      case "sg":
        return "InvalidGroupId.Malformed";
      case "rtb":
        return "InvalidRouteTableId.Malformed";
      case "vpce":
        return "InvalidVpcEndpointId.Malformed";
      case "eni":
        return "InvalidNetworkInterfaceId.Malformed";
      default:
        return "InvalidParameterValue";
    }
  }

  static Pattern glob(String value) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '*') {
        sb.append(".*");
      } else if (c == '?') {
        sb.append('.');
      } else {
        sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(sb.toString(), Pattern.DOTALL);
  }

  private static Collection<String> values(Object o) {
    if (o == null) {
      return List.of();
    }
    if (o instanceof Optional) {
      return ((Optional<?>) o).map(Ec2Query::values).orElse(List.of());
    }
    if (o instanceof Collection) {
      List<String> out = new ArrayList<>();
      ((Collection<?>) o).forEach(x -> out.addAll(values(x)));
      return out;
    }
    return List.of(String.valueOf(o));
  }
}
