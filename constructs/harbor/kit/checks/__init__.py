"""The misconfiguration catalog: each symptom operators met, turned into a check that fails synthesis.

Checks that one value decides run where the value enters (a dataclass or a constructor raises
ValueError naming the field). Checks that need the whole tree, because the mistake lies in how two
constructs meet, are construct validations: the constructs add them to their own node with
`add_checks`, and they run when the app is synthesized, in `synthesize` (which raises ValueError
before anything is written) and in a plain `app.synth()` or `cdk8s.Testing.synth()` (which raise
too). Every message names the construct path and the field to change.

The kit's checks, which know no application (Harbor's own are in constructs.harbor._components:
runtime_checks and health_model):
- blank UI, 404 on push: a route to an application's internal Service instead of its entry point,
  `routes.route_backend_problems` (on every route that `RoutesTraffic`)
- logins redirected to a host the Gateway does not serve: `routes.external_url_problems` (on every
  application that `HasEntrypoint`)
- a pod stuck in CreateContainerConfigError, a Secret key no producer writes:
  `secrets.unproduced_secret_problems`; a synced Secret nobody reads: `secrets.unconsumed_secret_problems`
- ErrImagePull "unauthorized" from a private registry: a pull secret no pod names,
  `secrets.unused_pull_secret_problems` (on every PullSecret)
- Multi-Attach error and a hung rollout: `volumes.single_attach_problems`
- calls that time out at run time, a configured address the NetworkPolicies refuse:
  `reachability.unreachable_address_problems` (any app may attach it to any construct)
- a Prometheus target shown down, alerts that never fire, a ServiceMonitor whose port the
  NetworkPolicies close to the monitoring peer: `scraping.unscrapable_target_problems`

Reading the tree (`tree.manifests`, `tree.Manifest`) is shared by all of them and by the tests.
"""

from .adapter import add_checks
from .reachability import unreachable_address_problems
from .routes import external_url_problems, route_backend_problems
from .scraping import unscrapable_target_problems
from .secrets import unconsumed_secret_problems, unproduced_secret_problems, unused_pull_secret_problems
from .tree import Manifest, manifests
from .volumes import single_attach_problems

__all__ = [
    "Manifest",
    "add_checks",
    "external_url_problems",
    "manifests",
    "route_backend_problems",
    "single_attach_problems",
    "unconsumed_secret_problems",
    "unproduced_secret_problems",
    "unreachable_address_problems",
    "unscrapable_target_problems",
    "unused_pull_secret_problems",
]
