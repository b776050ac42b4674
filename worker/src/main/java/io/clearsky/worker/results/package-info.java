/**
 * Where full results go when an answer shows only part of them: the results bucket behind a presigned
 * link, or a local folder.
 */
package io.clearsky.worker.results;
