/**
 * Which host a request is for. The site hosts serve the UI and the REST API; every host under the run domain runs
 * user code and nothing else; any other host is unknown. Keeping the two apart is what stops a val's page from
 * reading the site's cookies (the val.run lesson in the seeds).
 */
package dev.valbox.hosting;
