/**
 * Several instances on one PostgreSQL database, behind a load balancer: the members coordinate through that database
 * and nothing else. Each member keeps one connection that LISTENs on one channel; a committed change to what runs are
 * served from is announced there (PostgreSQL delivers a NOTIFY only once it is committed), and every other member drops
 * its cached copy; a cancel of an evaluation running elsewhere travels the same way. Claims of interval ticks are row
 * updates ({@code schedules}); keys every member must share are rows too. A member refuses to start on an embedded H2
 * database, which no other process can share.
 */
package dev.valbox.cluster;
