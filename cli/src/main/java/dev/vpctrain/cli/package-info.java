/**
 * The {@code vpctrain} command line, built on picocli: {@link dev.vpctrain.cli.Main} runs it and
 * {@link dev.vpctrain.cli.ExitCodes} lists what each command returns. {@code check} preflights a job
 * file against a snapshot bundle or the live account ({@link dev.vpctrain.cli.LiveNetwork}), and
 * {@code snapshot} captures such a bundle; {@code plan}, {@code apply}, {@code launch} and
 * {@code watch} fix the network and run the job; {@code rules}, {@code explain} and {@code examples}
 * read what the jar carries ({@link dev.vpctrain.cli.Examples}); {@code completion} prints a shell
 * completion script. A command line that cannot run as given throws
 * {@link dev.vpctrain.cli.UsageException} (exit 64). Not a library API: embed {@code vpctrain-core}
 * and {@code vpctrain-aws} instead.
 */
package dev.vpctrain.cli;
