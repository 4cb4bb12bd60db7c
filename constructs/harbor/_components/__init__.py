"""Harbor's components, internal to the library: HarborRegistry assembles them.

One module per component (core, portal, registry, jobservice, trivy, database, redis, entrypoint),
and the modules they share, one job each: constants (ports, uid), endpoints (Service handles),
connections (data stores, CA bundles), context (HarborContext), checksum, pods, volumes and workloads
(object builders), network_policy, log_levels, and the runtime contracts with their check.
"""
