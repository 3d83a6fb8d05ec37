package dev.vpctrain.core.network;

import java.util.List;
import org.immutables.value.Value;

/** An AWS-managed prefix list ({@code DescribePrefixLists}), such as the region's S3 list. */
@Value.Immutable
abstract class AbstractPrefixList {
  /** {@return {@code PrefixListId}, for example {@code pl-63a5400a}} */
  public abstract String prefixListId();

  /**
   * For example {@code com.amazonaws.us-east-1.s3}.
   *
   * @return the prefix list name, for example {@code com.amazonaws.us-east-1.s3}
   */
  public abstract String prefixListName();

  /** {@return {@code Cidrs}: the address ranges of the service} */
  public abstract List<String> cidrs();
}
