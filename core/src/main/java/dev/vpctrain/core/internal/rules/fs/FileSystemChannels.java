package dev.vpctrain.core.internal.rules.fs;

import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/** The job's file-system channels ({@code FileSystemDataSource}), resolved against the snapshot once per evaluation. */
public final class FileSystemChannels {
  private FileSystemChannels() {}

  /** Every channel with a {@code FileSystemDataSource}, in request order. */
  public static List<FileSystemChannel> of(RuleContext ctx) {
    return ctx.cached(FileSystemChannels.class, k -> {
      List<FileSystemChannel> out = new ArrayList<>();
      List<InputChannel> channels = ctx.job().inputChannels();
      for (int i = 0; i < channels.size(); i++) {
        if (channels.get(i).isFileSystem()) {
          out.add(new FileSystemChannel(ctx, channels.get(i), i));
        }
      }
      return List.copyOf(out);
    });
  }
}
