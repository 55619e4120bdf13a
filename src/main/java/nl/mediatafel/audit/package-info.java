/**
 * The case's own events (#14, docs/adr/0015): a shared module that knows no feature. Features record what happened
 * to a case that Camunda's history does not hold ({@link nl.mediatafel.audit.CaseEvents#record}); the dossier reads
 * them back for its timeline. Owns the table {@code case_event}; an event carries a short reference, never
 * confidential text.
 */
package nl.mediatafel.audit;
