/**
 * The practice's workspace for staff (#14): the case list ({@code /cases}, {@code GET /api/cases}) and a case's
 * dossier with its timeline ({@code /cases/{number}}, docs/adr/0015). The top module: it reads cases through
 * {@code cases.CaseDirectory} and {@code cases.StaffCaseReads}, the rest through each feature's read API and
 * {@code audit.CaseEvents}, and owns no table.
 */
package nl.mediatafel.workspace;
