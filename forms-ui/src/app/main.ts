// The web app's entry (built to app/app.js): the app shell, which brings its screens and <dao-form>.
import './dao-app.js';
