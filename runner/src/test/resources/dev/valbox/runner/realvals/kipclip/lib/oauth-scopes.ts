/** OAuth scopes - granular permissions for only the collections kipclip uses */
export const OAUTH_SCOPES = "atproto " +
  "repo:community.lexicon.bookmarks.bookmark?action=create " +
  "repo:community.lexicon.bookmarks.bookmark?action=read " +
  "repo:community.lexicon.bookmarks.bookmark?action=update " +
  "repo:community.lexicon.bookmarks.bookmark?action=delete " +
  "repo:com.kipclip.tag?action=create " +
  "repo:com.kipclip.tag?action=read " +
  "repo:com.kipclip.tag?action=update " +
  "repo:com.kipclip.tag?action=delete " +
  "repo:com.kipclip.annotation?action=create " +
  "repo:com.kipclip.annotation?action=read " +
  "repo:com.kipclip.annotation?action=update " +
  "repo:com.kipclip.annotation?action=delete " +
  "repo:com.kipclip.preferences?action=create " +
  "repo:com.kipclip.preferences?action=read " +
  "repo:com.kipclip.preferences?action=update";
