/**
 * The audit trail: one {@code AuditRecord} per audited action on the audit topic.
 */
package io.clearsky.core.audit;
