import { render } from 'preact';

function App() {
  return <main><h1>Hashtag Triage</h1><p>host</p></main>;
}

const root = document.getElementById('app');
if (root) render(<App />, root);
