// Create a state module once per mounted component and dispose it on unmount.

import { useEffect, useState } from 'preact/hooks';

export function useStateModule<T extends { dispose(): void }>(create: () => T): T {
  const [state] = useState(create);
  useEffect(() => () => state.dispose(), [state]);
  return state;
}
