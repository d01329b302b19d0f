// The web client's entry point: the styles, the router, the layout (App.vue) mounted on #app.
import { createApp } from "vue";
import App from "@/App.vue";
import { router } from "@/router";
import "@/styles/main.css";
import "@/styles/account.css";
import "@/styles/spaces.css";
import "@/styles/quiz.css";

createApp(App).use(router).mount("#app");
