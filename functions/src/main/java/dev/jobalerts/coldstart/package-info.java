/**
 * Cold starts: constructors that defer what they can ({@link dev.jobalerts.coldstart.Lazy}), and Lambda SnapStart
 * support: what runs before the snapshot ({@link dev.jobalerts.coldstart.Priming}) and what must
 * differ between the copies restored from one snapshot ({@link dev.jobalerts.coldstart.Entropy}).
 *
 * <p>Priming never touches the function's own services: it wires a second copy of them with the same code, points
 * that copy at a loopback endpoint that answers like DynamoDB, SES and Secrets Manager would to requests that
 * change nothing ({@link dev.jobalerts.coldstart.PrimingEndpoint}), runs bundled sample invocations through it and
 * drops it. The snapshot therefore holds loaded and initialised classes, compiled templates and a trained JIT, but
 * no connection, no credential and no data. Without SnapStart nothing here runs and a constructor does no I/O.
 */
package dev.jobalerts.coldstart;
