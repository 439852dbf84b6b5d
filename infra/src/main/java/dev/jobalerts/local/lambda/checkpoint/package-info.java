/**
 * The checkpoint coordination the Lambda runtime gives SnapStart functions, for running them here. The
 * {@code org.crac} facade a function bundles finds an implementation by package name (system property
 * {@code org.crac.Core.Compat}); the Lambda runtime names its own, the local runtime names this one. The shapes
 * ({@code Core.getGlobalContext}, {@code Context.register}, {@code Resource}'s two hooks, the two exceptions) are
 * what the facade looks up by reflection. As Lambda documents, hooks run in reverse order of registration before
 * the checkpoint and in order of registration after the restore.
 */
package dev.jobalerts.local.lambda.checkpoint;
