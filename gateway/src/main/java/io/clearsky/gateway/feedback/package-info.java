/**
 * Learning from use: users' verdicts on answers, published to the feedback topic, and the acknowledged
 * sends that feedback and promotion to a verified question share.
 */
package io.clearsky.gateway.feedback;
