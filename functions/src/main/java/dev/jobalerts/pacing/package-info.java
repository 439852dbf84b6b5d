/**
 * Pacing of calls to services that push back: a {@link dev.jobalerts.pacing.TokenBucket} for rates we hold
 * ourselves to or hold clients to (SES's send rate, the API's per-client limits), and a
 * {@link dev.jobalerts.pacing.Backoff} for retries after a service said "not now" (page fetches, SES throttling,
 * DynamoDB's unprocessed keys). One of each, so a retry or a rate means the same thing wherever it is read.
 */
package dev.jobalerts.pacing;
