import { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { services } from './services'
import './app.css'

function App({ children }: PropsWithChildren) {
  // Keys are refreshed in the background at every start with signal, so that a scan on a site
  // without signal later uses the newest set; failures keep the keys held (src/lib/keys.ts).
  useLaunch(() => {
    void services.refreshKeysIfStale()
  })
  // children is the page being shown
  return children
}

export default App
