import { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { services } from './services'
import './app.css'

function App({ children }: PropsWithChildren) {
  // Keys are refreshed in the background at every start with signal, so that a scan on a site
  // without signal later uses the newest set; failures keep the keys held (src/lib/keys.ts).
  // The revocation status list likewise, so that a scan without signal can still say 已撤销
  // (src/lib/transparency.ts); every start fetches it, since revocations cannot wait for an age.
  useLaunch(() => {
    void services.refreshKeysIfStale()
    void services.transparency.refresh(services.api)
  })
  // children is the page being shown
  return children
}

export default App
