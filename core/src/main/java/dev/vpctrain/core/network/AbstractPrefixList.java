package dev.vpctrain.core.network;

import java.util.List;
import org.immutables.value.Value;

/** An AWS-managed prefix list ({@code DescribePrefixLists}), such as the region's S3 list. */
@Value.Immutable
abstract class AbstractPrefixList {
  public abstract String prefixListId();

  /** For example {@code com.amazonaws.us-east-1.s3}. */
  public abstract String prefixListName();

  public abstract List<String> cidrs();
}
