/**
 * The practice's workspace for staff (#14): the case list ({@code /cases}, {@code GET /api/cases}). The top module:
 * it reads cases through {@code cases.CaseDirectory} and owns no table.
 */
package nl.mediatafel.workspace;
