package dev.vpctrain.testkit.sagemaker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The selection and order of SageMaker's {@code List*Jobs} operations over one kind of simulated job:
 * {@code NameContains} (case-insensitive), {@code StatusEquals}, {@code CreationTimeAfter/Before}, then
 * {@code SortBy} {@code Name}, {@code Status} or {@code CreationTime} (the default), newest first unless
 * {@code SortOrder} is {@code Ascending}.
 *
 * @param <J> the simulated job type
 * @param name the job's name
 * @param status the job's status at the moment of the call
 * @param created the job's creation time
 */
record Listing<J>(Function<J, String> name, Function<J, String> status, Function<J, Instant> created) {
  List<J> select(Collection<J> all, String nameContains, String statusEquals, Instant createdAfter, Instant createdBefore,
      String sortBy, String sortOrder) {
    List<J> out = new ArrayList<>();
    for (J j : all) {
      if ((nameContains != null && !name.apply(j).toLowerCase(Locale.ROOT).contains(nameContains.toLowerCase(Locale.ROOT)))
          || (statusEquals != null && !status.apply(j).equals(statusEquals))
          || (createdAfter != null && !created.apply(j).isAfter(createdAfter))
          || (createdBefore != null && !created.apply(j).isBefore(createdBefore))) {
        continue;
      }
      out.add(j);
    }
    Comparator<J> order = "Name".equals(sortBy) ? Comparator.comparing(name)
        : "Status".equals(sortBy) ? Comparator.comparing(status) : Comparator.comparing(created);
    out.sort("Ascending".equals(sortOrder) ? order : order.reversed());
    return out;
  }
}
