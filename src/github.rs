//! The GitHub adapter (octocrab): repositories of an owner, git trees and blobs, with rate
//! limits honoured and the token never logged. Being written; see the helper's brief.
