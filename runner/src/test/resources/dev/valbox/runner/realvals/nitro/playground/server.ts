export default {
  fetch(req: Request) {
    return new Response("Hello from Nitro playground!");
  },
};
