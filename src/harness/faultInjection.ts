// failNextSimCall: the next worker call goes to a method the worker does not have, so the worker really
// throws and the call rejects through comlink, exactly as a model exception would. Done by wrapping the
// current worker's remote for one call; the product's request path (src/sim/simRequest.ts) knows nothing of it.
import { acquireSim } from '../sim/simClient.ts';

const MISSING_METHOD = '__faultInjectedByHarness__';

export function failNextSimCall(): void {
  const lease = acquireSim();
  const real = lease.remote;
  let armed = true;
  lease.remote = new Proxy(real, {
    get(target, key) {
      // The first method looked up is the next call: send it to the missing method, then disarm.
      if (armed && typeof key === 'string') {
        armed = false;
        lease.remote = real;
        return Reflect.get(target, MISSING_METHOD) as unknown;
      }
      return Reflect.get(target, key) as unknown;
    },
  });
}
