import { render } from 'solid-js/web';
import { App } from './app.js';
import './styles.css';

const root = document.getElementById('app');
if (!root) throw new Error('index.html must contain <div id="app">: it was not found');
render(() => <App />, root);
