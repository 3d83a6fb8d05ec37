/**
 * Findings, the preflight report and its verdict, and the renderers. A
 * {@link dev.vpctrain.core.report.PreflightReport} holds every rule's
 * {@link dev.vpctrain.core.report.Finding}s (PASS, FAIL or UNVERIFIED at ERROR, WARNING or INFO
 * severity), one finding per cause, and the {@link dev.vpctrain.core.report.Verdict}: READY,
 * UNVERIFIED or NOT_READY. An {@link dev.vpctrain.core.report.Acceptance} is the user's word that an
 * UNVERIFIED check is fine. {@link dev.vpctrain.core.report.TextReport},
 * {@link dev.vpctrain.core.report.JsonReport} ({@code vpctrain-report/1}) and
 * {@link dev.vpctrain.core.report.SarifReport} (SARIF 2.1.0) render a report:
 *
 * <pre>{@code
 * if (!report.isReady()) {
 *   System.err.print(TextReport.render(report, false));
 * }
 * }</pre>
 */
@VpcTrainStyle
package dev.vpctrain.core.report;

import dev.vpctrain.core.VpcTrainStyle;
