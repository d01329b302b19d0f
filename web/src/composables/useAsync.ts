// Loading and error state around a call a page makes, for <AsyncState :loading :error @retry>.
//
//   const missions = useAsync(() => data(catalog.GET("/missions/for-me")), { immediate: true });
//   missions.data.value, missions.loading.value, missions.error.value, missions.run()
//
// run() returns the data, or undefined when the call failed (the error is then in `error`); a run started
// later wins over an earlier one still in flight (a quick change of filters shows the last answer).
import { ref, shallowRef, type Ref, type ShallowRef } from "vue";

export interface AsyncCall<T> {
  data: ShallowRef<T | undefined>;
  loading: Ref<boolean>;
  error: ShallowRef<Error | null>;
  run: () => Promise<T | undefined>;
}

export function useAsync<T>(call: () => Promise<T>, { immediate = false, initial }: { immediate?: boolean; initial?: T } = {}): AsyncCall<T> {
  const data = shallowRef<T | undefined>(initial);
  const loading = ref(immediate);
  const error = shallowRef<Error | null>(null);
  let latest = 0;

  async function run(): Promise<T | undefined> {
    const mine = ++latest;
    loading.value = true;
    error.value = null;
    try {
      const value = await call();
      if (mine === latest) data.value = value;
      return value;
    } catch (failure) {
      if (mine === latest) error.value = failure instanceof Error ? failure : new Error(String(failure));
      return undefined;
    } finally {
      if (mine === latest) loading.value = false;
    }
  }

  if (immediate) void run();
  return { data, loading, error, run };
}
