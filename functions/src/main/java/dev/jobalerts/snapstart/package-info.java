/**
 * Lambda SnapStart support: what runs before the snapshot ({@link dev.jobalerts.snapstart.Priming}) and what must
 * differ between the copies restored from one snapshot ({@link dev.jobalerts.snapstart.Entropy}).
 *
 * <p>Priming never touches the function's own services: it wires a second copy of them with the same code, points
 * that copy at a loopback endpoint that answers like DynamoDB, SES and Secrets Manager would to requests that
 * change nothing ({@link dev.jobalerts.snapstart.PrimingEndpoint}), runs bundled sample invocations through it and
 * drops it. The snapshot therefore holds loaded and initialised classes, compiled templates and a trained JIT, but
 * no connection, no credential and no data. Without SnapStart nothing here runs and a constructor does no I/O.
 */
package dev.jobalerts.snapstart;
