import 'katex/dist/katex.min.css'
import './styles/theme.css'
import './styles/app.css'
import './styles/reader.css'
import './styles/organize.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createDogear } from './actions'
import { browserApi } from './api'
import { App } from './App'
import { DogearContext } from './context'

const dogear = createDogear(browserApi())

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DogearContext.Provider value={dogear}>
      <App />
    </DogearContext.Provider>
  </StrictMode>
)
